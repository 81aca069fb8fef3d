/** If a lazily loaded screen cannot be loaded (the hub went away mid-load), say so instead of a blank page. */
import { Component, type ReactNode } from 'react';

export class LoadFailure extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
