/**
 * Space or X on a focused row (of the list or of the search results) toggles its checkbox, as a
 * click would; true when it did. A key typed in a field or with a modifier is left alone.
 */
export function toggleFocusedRowBox(event: {
  key: string;
  target: EventTarget;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  preventDefault(): void;
}): boolean {
  if (event.key !== ' ' && event.key !== 'x' && event.key !== 'X') return false;
  if (event.ctrlKey || event.metaKey || event.altKey) return false;
  const target = event.target as HTMLElement;
  if (target.closest('input, textarea, select, [contenteditable="true"]') !== null) return false;
  const box = target
    .closest('[role="row"], [role="listitem"]')
    ?.querySelector<HTMLInputElement>('input[type="checkbox"]');
  if (box == null) return false;
  event.preventDefault();
  box.click();
  return true;
}
