// Ports that fetch (Node's included) and Chromium refuse to connect to: the Fetch standard's "bad
// ports" (https://fetch.spec.whatwg.org/#port-blocking). A test server on one of them starts, but
// no browser or fetch reaches it ("fetch failed", ERR_UNSAFE_PORT): E2E_PORT + 10 was 4190 once.
const REFUSED_PORTS = new Set([
  0, 1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102,
  103, 104, 109, 110, 111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465,
  512, 513, 514, 515, 526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993,
  995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668,
  6669, 6679, 6697, 10080,
]);

/** Whether a browser or fetch would refuse to connect to `port`. */
export function isRefusedPort(port: number): boolean {
  return REFUSED_PORTS.has(port);
}

/**
 * Throws, naming each, when a port the e2e tests would serve on is one browsers refuse: the test
 * would otherwise fail far from the cause, with a server that never answers.
 */
export function assertReachablePorts(ports: Record<string, number>): void {
  const refused = Object.entries(ports).filter(([, port]) => isRefusedPort(port));
  if (refused.length === 0) return;
  const named = refused.map(([name, port]) => `${name} = ${port}`).join(', ');
  throw new Error(
    `Browsers and fetch refuse to connect to ${named} (the Fetch standard's bad ports); ` +
      'choose another E2E_PORT or set that port.',
  );
}
