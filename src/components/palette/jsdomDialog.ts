/**
 * For unit tests: jsdom has <dialog> without showModal() and close(). These do what browsers do
 * as far as the quick lookup's stand-in relies on (the `open` state, and the close event a task
 * later); the modal behaviour itself is covered by the e2e tests in Chromium.
 */
export function installJsdomDialogMethods(): void {
  const dialog = HTMLDialogElement.prototype;
  dialog.showModal ??= function showModal(this: HTMLDialogElement) {
    this.open = true;
  };
  dialog.close ??= function close(this: HTMLDialogElement) {
    if (!this.open) return;
    this.open = false;
    setTimeout(() => this.dispatchEvent(new Event('close')));
  };
}
