/**
 * "Negeer": accepting one finding, with an optional reason, in a dialog
 * that keeps the focus and returns it where it came from.
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Textarea,
} from '@fluentui/react-components';
import { useState } from 'react';
import { placeText, subjectText } from '../../engine/findingPresentation';
import type { Finding } from '../../engine/findings';

export function IgnoreDialog({ finding, onConfirm, onClose }: { finding: Finding | null; onConfirm: (f: Finding, reason: string) => void; onClose: () => void }) {
  const [reason, setReason] = useState('');
  const open = finding !== null;
  return (
    <Dialog
      open={open}
      onOpenChange={(_e, data) => {
        if (!data.open) {
          setReason('');
          onClose();
        }
      }}
    >
      <DialogSurface aria-describedby="negeer-uitleg">
        {finding !== null && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              onConfirm(finding, reason);
              setReason('');
            }}
          >
            <DialogBody>
              <DialogTitle>Bevinding negeren</DialogTitle>
              <DialogContent>
                <p id="negeer-uitleg">
                  {finding.code} in {placeText(finding) || 'de werkmap'}
                  {subjectText(finding) !== '' ? ` (${subjectText(finding)})` : ''} telt bij een volgende controle niet meer mee
                  zolang de cel dezelfde waarde heeft. Dit wordt in de werkmap opgeslagen en kan onder ‘Genegeerd’ worden
                  hersteld.
                </p>
                <Field label="Reden (niet verplicht)">
                  <Textarea value={reason} onChange={(_e, data) => setReason(data.value)} resize="vertical" />
                </Field>
              </DialogContent>
              <DialogActions>
                <Button appearance="primary" type="submit">
                  Negeren
                </Button>
                <Button
                  onClick={() => {
                    setReason('');
                    onClose();
                  }}
                >
                  Annuleren
                </Button>
              </DialogActions>
            </DialogBody>
          </form>
        )}
      </DialogSurface>
    </Dialog>
  );
}
