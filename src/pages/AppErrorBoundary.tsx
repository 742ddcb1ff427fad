import { Component, type ReactNode } from 'react';
import { RouteErrorPage } from './RouteErrorPage.tsx';

interface AppErrorBoundaryProps {
  children: ReactNode;
}

/**
 * Catches what a page throws while rendering, or a page's code that fails to load (e.g. after a
 * deploy replaced its chunk), and shows RouteErrorPage instead of a blank window. Error
 * boundaries are still class components in React.
 */
export class AppErrorBoundary extends Component<AppErrorBoundaryProps, { error: unknown }> {
  override state: { error: unknown } = { error: undefined };

  static getDerivedStateFromError(error: unknown): { error: unknown } {
    return { error: error ?? new Error('Unknown error.') };
  }

  override render(): ReactNode {
    if (this.state.error !== undefined) return <RouteErrorPage error={this.state.error} />;
    return this.props.children;
  }
}
