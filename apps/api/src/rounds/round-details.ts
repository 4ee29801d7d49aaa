import { badUserInput } from '../core/errors/app-error.js';
import { httpsUrl, plainText } from '../core/validation/text.js';
import type { Topic } from '../core/catalogue/catalogue.enums.js';

/** The parts of a round that hosts write and may change later; checked the same way on create and update. */
export interface RoundDetailsInput {
  title: string;
  description?: string | null;
  topics: Topic[];
  language?: string | null;
  videoUrl: string;
  capacity?: number | null;
  deadlineMinutes?: number | null;
}

export interface RoundDetails {
  title: string;
  description: string;
  topics: Topic[];
  language: string;
  videoUrl: string;
  capacity: number | null;
  deadlineMinutes: number;
}

export function roundDetails(input: RoundDetailsInput): RoundDetails {
  const title = plainText(input.title, 'title', 3, 200);
  const description = plainText(input.description, 'description', 0, 5000);
  const topics = [...new Set(input.topics)];
  if (!topics.length) throw badUserInput('Bitte wählen Sie mindestens ein Thema.', { field: 'topics' });
  const videoUrl = httpsUrl(input.videoUrl, 'videoUrl', 'Der Link zur Videokonferenz muss mit https:// beginnen.');
  const capacity = input.capacity ?? null;
  if (capacity !== null && (!Number.isInteger(capacity) || capacity < 1 || capacity > 10_000)) {
    throw badUserInput('Die Zahl der Plätze ist mindestens 1.', { field: 'capacity' });
  }
  const deadlineMinutes = input.deadlineMinutes ?? 0;
  if (!Number.isInteger(deadlineMinutes) || deadlineMinutes < 0 || deadlineMinutes > 60 * 24 * 30) {
    throw badUserInput('Anmeldeschluss: 0 bis 30 Tage vorher.', { field: 'deadlineMinutes' });
  }
  const language = (input.language ?? 'de').trim().slice(0, 10) || 'de';
  return { title, description, topics, language, videoUrl, capacity, deadlineMinutes };
}
