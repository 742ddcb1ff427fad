/** "1 contact", "1,204 contacts"; null while the count is not known. */
export function contactsCountText(count: number | undefined): string | null {
  if (count === undefined) return null;
  return count === 1 ? '1 contact' : `${count.toLocaleString('en')} contacts`;
}
