/**
 * The worker of parallelScan.ts: scans its part of the text with the same
 * effective definitions (the profile was validated by the main thread) and
 * sends the findings back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { standardDefinitionSet } from '../definitions/definitionSet';
import { effectiveDefinitions } from '../definitions/profile';
import { TermMatcher } from '../engine/termMatcher';
import type { ScanJob } from './parallelScan';

const job = workerData as ScanJob;
const matcher = new TermMatcher(effectiveDefinitions(standardDefinitionSet(), job.profile));
parentPort?.postMessage(matcher.scan(job.text, { from: job.from, to: job.to }));
