import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  renderFallback(error: Error, reset: () => void): ReactNode;
}

interface State {
  error: Error | null;
}

/** Keeps one broken screen from blanking the window: the frame and navigation stay usable. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Screen crashed', error, info.componentStack);
  }

  private readonly reset = () => this.setState({ error: null });

  override render(): ReactNode {
    if (this.state.error) return this.props.renderFallback(this.state.error, this.reset);
    return this.props.children;
  }
}
