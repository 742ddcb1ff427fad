// What a test sends when it changes data through the API itself rather than through the page: its
// own key, as any script must. The console changes data for a request without one only when it
// comes from the console's own page (server/pipeline/same-origin.ts).
export const AS_API_CLIENT = { 'x-chatcaptain-key': 'sandbox-full-access' } as const;
