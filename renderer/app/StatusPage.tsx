/** A whole-screen message while there is nothing else to show (starting, hub unreachable). */
import { AppFrame } from './AppFrame.js';

export function StatusPage({ title, body }: { title: string; body?: string }) {
  return (
    <AppFrame>
      <main className="page status-page">
        <div role="status" aria-live="polite">
          <h1 className="page-title">{title}</h1>
          {body && <p className="page-body">{body}</p>}
        </div>
      </main>
    </AppFrame>
  );
}
