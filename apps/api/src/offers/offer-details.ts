import type { OfferKind } from '../generated/prisma/client.js';
import type { Topic } from '../core/catalogue/catalogue.enums.js';
import { badUserInput } from '../core/errors/app-error.js';
import { httpsUrl, languageList, plainText, position } from '../core/validation/text.js';
import type { OfferDetailsFields } from './dto/offer.inputs.js';

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
const PHONE = /^[0-9 +()/.-]{3,40}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export interface OfferDetails {
  kind: OfferKind;
  title: string;
  description: string;
  topics: Topic[];
  languages: string[];
  contact: string;
  email: string | null;
  phone: string | null;
  openingHours: string;
  address: string;
  latitude: number | null;
  longitude: number | null;
  onlineUrl: string | null;
  validFrom: Date | null;
  validUntil: Date | null;
}

const day = (value: string | null | undefined, field: string): Date | null => {
  if (!value?.trim()) return null;
  const date = new Date(`${value.trim()}T00:00:00Z`);
  if (!DAY.test(value.trim()) || Number.isNaN(date.getTime())) throw badUserInput('Bitte ein Datum als JJJJ-MM-TT angeben.', { field });
  return date;
};

/** An offer's details as stored, checked the same way on create and update (the position: `GermanPlaces`). */
export function offerDetails(input: OfferDetailsFields): OfferDetails {
  const topics = [...new Set(input.topics)];
  if (!topics.length) throw badUserInput('Bitte wählen Sie mindestens ein Thema.', { field: 'topics' });
  const languages = languageList(input.languages);
  const email = input.email?.trim() ? input.email.trim().toLowerCase() : null;
  if (email && (!EMAIL.test(email) || email.length > 200)) throw badUserInput('Bitte eine gültige E-Mail-Adresse angeben.', { field: 'email' });
  const phone = input.phone?.trim() ? input.phone.trim() : null;
  if (phone && !PHONE.test(phone)) throw badUserInput('Bitte eine Telefonnummer aus Ziffern angeben.', { field: 'phone' });
  const { latitude, longitude } = position(input.latitude, input.longitude);
  const validFrom = day(input.validFrom, 'validFrom');
  const validUntil = day(input.validUntil, 'validUntil');
  if (validFrom && validUntil && validUntil < validFrom) throw badUserInput('Das Ende der Gültigkeit liegt nach ihrem Beginn.', { field: 'validUntil' });
  return {
    kind: input.kind,
    title: plainText(input.title, 'title', 3, 200),
    description: plainText(input.description, 'description', 0, 5000),
    topics,
    languages,
    contact: plainText(input.contact, 'contact', 2, 300),
    email,
    phone,
    openingHours: plainText(input.openingHours, 'openingHours', 0, 500),
    address: plainText(input.address, 'address', 0, 300),
    latitude,
    longitude,
    onlineUrl: input.onlineUrl?.trim() ? httpsUrl(input.onlineUrl, 'onlineUrl', 'Der Link muss mit https:// beginnen.') : null,
    validFrom,
    validUntil,
  };
}
