import { useState } from 'react';
import { PreparationPanel } from './PreparationPanel';
import { usePreparation } from './use-preparation';

/** The running, paused or last preparation's panel; a finished one can be closed until the next starts. */
export function PreparationProgress() {
  const { current, act } = usePreparation();
  const [dismissed, setDismissed] = useState<string | null>(null);
  if (!current || current.id === dismissed) return null;
  return (
    <PreparationPanel
      job={current}
      onAct={(action) => void act(action, current.id)}
      onDismiss={() => setDismissed(current.id)}
    />
  );
}
