// Puts text on the clipboard: the Clipboard API, else (a frame without the clipboard-write
// permission, an older browser) a selected text area and the copy command. Resolves to whether it
// worked, so the page can say so in words rather than fail silently.
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return copyBySelection(text);
  }
}

function copyBySelection(text: string): boolean {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  const focused = document.activeElement;
  document.body.append(area);
  area.select();
  let copied = false;
  try {
    // Deprecated, but the only way left where the Clipboard API is refused.
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  area.remove();
  if (focused instanceof HTMLElement) focused.focus({ preventScroll: true });
  return copied;
}
