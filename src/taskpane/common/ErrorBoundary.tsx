/** Shows a part of the page that failed as one Dutch message instead of a blank page, and lets the rest go on. */
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { Component, type ReactNode } from 'react';

interface State {
  readonly error: Error | null;
}

export class ErrorBoundary extends Component<{ children: ReactNode; what: string; resetKey: unknown }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidUpdate(previous: { resetKey: unknown }): void {
    if (previous.resetKey !== this.props.resetKey && this.state.error !== null) this.setState({ error: null });
  }

  override render(): ReactNode {
    if (this.state.error === null) return this.props.children;
    return (
      <MessageBar intent="error">
        <MessageBarBody>
          {this.props.what} kan niet worden getoond: {this.state.error.message} Open het opnieuw; meld het als het blijft gebeuren.
        </MessageBarBody>
      </MessageBar>
    );
  }
}
