/**
 * The message under a template action: success, warning or error, and when
 * the action would replace sheets the user must confirm, the buttons
 * "Vervangen" and "Annuleren". One live region, so screen readers hear it.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import type { ReactNode } from 'react';

export interface TemplateMessageState {
  readonly intent: 'success' | 'error' | 'warning' | 'info';
  readonly text: string;
  /** The action would replace sheets: ask before doing it. */
  readonly replace?: boolean;
}

export interface TemplateMessageProps {
  readonly message: TemplateMessageState | null;
  /** Runs the action again, replacing (shown only when the message asks to confirm). */
  readonly onReplace?: () => void;
  readonly onDismiss: () => void;
  /** More actions after a success (e.g. go to Controleren). */
  readonly successActions?: ReactNode;
}

export function TemplateMessage({ message, onReplace, onDismiss, successActions }: TemplateMessageProps) {
  return (
    <div role="status" aria-live="polite">
      {message !== null && (
        <MessageBar intent={message.intent} data-melding={message.intent}>
          <MessageBarBody>{message.text}</MessageBarBody>
          {message.replace === true && onReplace !== undefined && (
            <MessageBarActions>
              <Button size="small" onClick={onReplace}>
                Vervangen
              </Button>
              <Button size="small" onClick={onDismiss}>
                Annuleren
              </Button>
            </MessageBarActions>
          )}
          {message.intent === 'success' && successActions !== undefined && <MessageBarActions>{successActions}</MessageBarActions>}
        </MessageBar>
      )}
    </div>
  );
}
