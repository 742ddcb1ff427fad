/** A request the contract does not allow: answered with 400 and the messages joined. */
export class ValidationError extends Error {
  readonly messages: readonly string[];

  constructor(messages: readonly string[]) {
    super(messages.join('; '));
    this.name = 'ValidationError';
    this.messages = messages;
  }
}
