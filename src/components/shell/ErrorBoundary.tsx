import { Component, type ReactNode } from 'react';

interface ErrorBoundaryProps {
  children: ReactNode;
  /** What to show instead; `reset` renders the children again (recovery without a reload). */
  fallback: (error: unknown, reset: () => void) => ReactNode;
  /** A change (another page) clears a caught error. */
  resetKey?: string;
}

interface ErrorBoundaryState {
  error: unknown;
  caughtAt: string | undefined;
}

/**
 * Catches what its children throw while rendering and shows `fallback` instead of a blank
 * window. Error boundaries are still class components in React.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: undefined, caughtAt: undefined };

  static getDerivedStateFromError(error: unknown): Partial<ErrorBoundaryState> {
    return { error: error ?? new Error('Unknown error.') };
  }

  static getDerivedStateFromProps(
    props: ErrorBoundaryProps,
    state: ErrorBoundaryState,
  ): Partial<ErrorBoundaryState> | null {
    if (state.error === undefined) return { caughtAt: props.resetKey };
    // The user went elsewhere: that page starts afresh.
    if (state.caughtAt !== props.resetKey) return { error: undefined, caughtAt: props.resetKey };
    return null;
  }

  private readonly reset = () => this.setState({ error: undefined });

  override render(): ReactNode {
    if (this.state.error !== undefined) return this.props.fallback(this.state.error, this.reset);
    return this.props.children;
  }
}
