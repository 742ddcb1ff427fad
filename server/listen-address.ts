import type { AddressInfo } from 'node:net';

/** "127.0.0.1:4173 (this machine only)", "[::]:4173 (all interfaces)": for the start banner. */
export function listeningOn(address: AddressInfo): string {
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const where = isLoopback(address.address)
    ? 'this machine only'
    : isUnspecified(address.address)
      ? 'all interfaces'
      : 'this interface';
  return `${host}:${address.port}, ${where}`;
}

export function isLoopback(address: string): boolean {
  return address === '::1' || address.startsWith('127.') || address === '::ffff:127.0.0.1';
}

function isUnspecified(address: string): boolean {
  return address === '0.0.0.0' || address === '::';
}
