// `npm run check:api`: prints the verdict of checkApi (check-api.ts); exits 1 unless it is OK.
import { checkApi } from './check-api.ts';

const result = await checkApi(process.env);
for (const line of result.lines) console.log(line);
process.exit(result.ok ? 0 : 1);
