/** The workbench page's script: renders the workbench into #werkbank. */
import { createRoot } from 'react-dom/client';
import { WorkbenchApp } from './WorkbenchApp';

const element = document.getElementById('werkbank');
if (element === null) throw new Error('#werkbank ontbreekt in de pagina');
createRoot(element).render(<WorkbenchApp />);
