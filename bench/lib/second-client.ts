// The second client of latency-under-attack.ts (a process of its own): list pages and searches
// one after another, as a console user's browser sends them, each timed from sending to its
// parsed body.
import {
  apiClientHeaders,
  organizationsUrl,
  serveParent,
  type SecondClientCommand,
  type SecondClientReport,
} from './attack-protocol.ts';

serveParent(async (command) => {
  const { baseUrl, queries, runs } = command as SecondClientCommand;
  const api = organizationsUrl(baseUrl);
  const headers = apiClientHeaders(false);
  const report: SecondClientReport = { list: [], search: [] };
  for (let run = 0; run < runs; run++) {
    const isList = run % 2 === 0;
    const query = queries[(run >> 1) % queries.length] as string;
    const url = isList
      ? `${api}?limit=50`
      : `${api}/search?query=${encodeURIComponent(query)}&page=1&pageSize=50`;
    const started = performance.now();
    const response = await fetch(url, { headers });
    await response.json();
    if (response.status !== 200) throw new Error(`${url}: status ${response.status}`);
    (isList ? report.list : report.search).push(performance.now() - started);
  }
  return report;
});
