/**
 * Long work in a section: one task at a time, its progress, and a way to
 * cancel it (an AbortSignal the work checks between its steps).
 */
import { Button, ProgressBar, Field, makeStyles } from '@fluentui/react-components';
import { useCallback, useRef, useState } from 'react';
import { CancelledError } from '../../workbook/port';

export interface TaskState {
  readonly label: string;
  readonly done: number;
  readonly total: number;
  readonly cancellable: boolean;
}

export type TaskOutcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false };

export interface LongTask {
  readonly task: TaskState | null;
  /**
   * Runs `work` as the section's task. Resolves `{ ok: false }` when it was
   * cancelled; any other error is thrown to the caller (which shows it).
   */
  run<T>(label: string, work: (signal: AbortSignal, progress: (done: number, total: number, label?: string) => void) => Promise<T>, cancellable?: boolean): Promise<TaskOutcome<T>>;
  cancel(): void;
}

export function useLongTask(): LongTask {
  const [task, setTask] = useState<TaskState | null>(null);
  const controller = useRef<AbortController | null>(null);

  const run = useCallback(async <T,>(label: string, work: (signal: AbortSignal, progress: (done: number, total: number, label?: string) => void) => Promise<T>, cancellable = true): Promise<TaskOutcome<T>> => {
    controller.current?.abort();
    const own = new AbortController();
    controller.current = own;
    setTask({ label, done: 0, total: 0, cancellable });
    try {
      const value = await work(own.signal, (done, total, next) => {
        if (controller.current === own) setTask({ label: next ?? label, done, total, cancellable });
      });
      if (own.signal.aborted) return { ok: false };
      return { ok: true, value };
    } catch (error) {
      if (error instanceof CancelledError || own.signal.aborted) return { ok: false };
      throw error;
    } finally {
      if (controller.current === own) {
        controller.current = null;
        setTask(null);
      }
    }
  }, []);

  const cancel = useCallback(() => controller.current?.abort(), []);
  return { task, run, cancel };
}

const useStyles = makeStyles({
  root: { display: 'flex', alignItems: 'flex-end', columnGap: '8px' },
  bar: { flexGrow: 1 },
});

const number = new Intl.NumberFormat('nl-NL');

/** The running task: its label, a bar (indeterminate until a total is known) and "Annuleren". */
export function TaskProgress({ task, onCancel }: { task: TaskState; onCancel: () => void }) {
  const styles = useStyles();
  const known = task.total > 0;
  const hint = known ? `${number.format(task.done)} van ${number.format(task.total)}` : 'Bezig…';
  return (
    <div className={styles.root}>
      <Field className={styles.bar} label={task.label} hint={hint} validationState="none">
        <ProgressBar value={known ? task.done / task.total : undefined} thickness="large" aria-label={`${task.label}: ${hint}`} />
      </Field>
      {task.cancellable && (
        <Button onClick={onCancel} aria-label={`${task.label} annuleren`}>
          Annuleren
        </Button>
      )}
    </div>
  );
}
