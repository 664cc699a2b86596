// Paths as the learner types them: relative to where they are, with the lesson's folder.
import path from 'node:path';
import type { Exercise } from '../lessons.ts';

export const shown = (file: string): string => path.relative(process.cwd(), file) || file;
export const solutionPath = (exercise: Exercise): string => shown(exercise.solutionFile);
export const exercisePath = (exercise: Exercise): string => shown(exercise.exerciseFile);
