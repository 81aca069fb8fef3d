/**
 * A native modal <dialog>: the browser keeps focus inside it and makes everything under it inert,
 * so a dialog over any screen (the frame of the warden's screens, the takeover) needs no wrapper
 * around that screen. Escape asks the owner to close it.
 */
import { useEffect, useRef, type ReactNode } from 'react';

export function ModalDialog({
  labelledBy,
  className = '',
  onCancel,
  children,
}: {
  labelledBy: string;
  className?: string;
  onCancel(): void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={`emg-dialog ${className}`}
      aria-labelledby={labelledBy}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      {children}
    </dialog>
  );
}
