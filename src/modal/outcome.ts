/**
 * A Modal check's answer, shaped like a capability gate outcome (message id from the
 * capability's messages, placeholders in data) without this layer depending on capabilities.
 */
export interface ModalOutcome {
  kind: 'deny' | 'ask' | 'warn';
  message: string;
  data: Record<string, string | number>;
}
