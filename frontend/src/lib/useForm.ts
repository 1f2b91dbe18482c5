// The one way the SPA's forms hold their state: the values, the errors found before sending
// (kept as translation keys, so that they follow a change of language), the server's error at
// the field it names, whether a send is under way, and focus on the first error after a failed
// attempt, so that a keyboard or screen reader user lands on it instead of searching for it.
// Leaving a field checks it at once (see the focusout listener below).
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useFocusFirstInvalid } from './useFocusFirstInvalid';

/** A message at an input: its translation key, or the key with the values it interpolates. */
export type FieldMessage = ParseKeys | readonly [ParseKeys, Record<string, unknown>];

/** What is wrong, by field. */
export type FieldErrors<F extends string> = Partial<Record<F, FieldMessage>>;

/** What a send answers: nothing, or the errors the server named a field for. */
type Answer<F extends string> = FieldErrors<F> | void;

export interface FormOptions<V, F extends string> {
  /** The values the form starts with; a function is called once. */
  initial: V | (() => V);
  /** The checks made before sending; nothing is sent while one of them fails. */
  validate?: (values: V) => FieldErrors<F>;
  /**
   * The server's message at a field, where the form's own checks found nothing: the problem a
   * case mutation keeps until its next send (see problemAt).
   */
  serverError?: (field: F) => string | undefined;
  /** Clears what else the previous attempt left on screen (a message above the form). */
  onAttempt?: () => void;
  /** Focus the first input when the form appears: the user has just asked for it. */
  focusOnOpen?: boolean;
}

/**
 * `send` gets the checked values; it may answer with errors by field (the server named one of
 * them), which are shown like the form's own. Focus moves to the first input marked invalid
 * after every attempt that found something wrong, before or after sending.
 */
export function useForm<V extends object, F extends string = Extract<keyof V, string>>(options: FormOptions<V, F>) {
  const { t } = useTranslation();
  const [values, setValues] = useState<V>(options.initial);
  // The values as last saved (at first, as the form started): the form is dirty when they differ.
  const [baseline, setBaseline] = useState(() => JSON.stringify(values));
  const dirty = JSON.stringify(values) !== baseline;
  /** The form's values (or these) are saved now: it is no longer dirty. */
  const markSaved = (saved: V = values) => setBaseline(JSON.stringify(saved));
  const [errors, setErrors] = useState<FieldErrors<F>>({});
  const [submitting, setSubmitting] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, attempt);
  const focusOnOpen = options.focusOnOpen ?? false;
  useEffect(() => {
    if (focusOnOpen) formRef.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, [focusOnOpen]);

  const key = (value: unknown) => JSON.stringify(value ?? null);
  /** The value (as JSON) each shown message was given for, by field. */
  const messageFor = useRef<Record<string, string>>({});
  /** The values as last sent, or as the form started: what "passed through" compares with. */
  const checkedAgainst = useRef<V | null>(null);
  const remember = (found: FieldErrors<F>, at: V) => {
    messageFor.current = Object.fromEntries(Object.keys(found).map((f) => [f, key((at as Record<string, unknown>)[f])]));
    checkedAgainst.current = at;
  };
  const set = <K extends keyof V>(field: K, value: V[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    // A message goes as soon as its field is right (no new one while typing): the form has
    // settled before the user reaches for a button.
    const name = field as string as F;
    if (errors[name] !== undefined && options.validate?.({ ...values, [field]: value })[name] === undefined) {
      delete messageFor.current[field as string];
      setErrors((shown) => {
        const rest = { ...shown };
        delete rest[name];
        return rest;
      });
    }
  };

  // Leaving a field checks it with the form's own checks: what is wrong shows at once (unless
  // the field was only passed through: tabbing through an empty form does not scold), what was
  // wrong and is right now goes away. A message stays while its field holds the value it was
  // given for (the server's, after a send, included). A field is known by its input's name
  // attribute, the key of its value; inputs without one are checked on sending.
  const latest = useRef({ values, validate: options.validate, initial: baseline });
  latest.current = { values, validate: options.validate, initial: baseline };
  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    const onLeave = (event: FocusEvent) => {
      // Focus going to one of the form's buttons (send, cancel): a message appearing now would
      // move the button from under the pointer between press and release, and the click would
      // be lost. The button's own action checks or leaves the form.
      if (event.relatedTarget instanceof HTMLButtonElement) return;
      const name = event.target instanceof Element ? event.target.getAttribute('name') : null;
      const { values, validate, initial } = latest.current;
      if (!name || !validate || !(name in values)) return;
      const now = key((values as Record<string, unknown>)[name]);
      if (messageFor.current[name] === now) return;
      const field = name as F;
      const problem = validate(values)[field];
      if (problem !== undefined) {
        const since = (checkedAgainst.current ?? JSON.parse(initial)) as Record<string, unknown>;
        if (now === key(since[name])) return;
        messageFor.current[name] = now;
        setErrors((shown) => ({ ...shown, [field]: problem }));
        return;
      }
      delete messageFor.current[name];
      setErrors((shown) => {
        if (!(field in shown)) return shown;
        const rest = { ...shown };
        delete rest[field];
        return rest;
      });
    };
    form.addEventListener('focusout', onLeave);
    return () => form.removeEventListener('focusout', onLeave);
  }, []);

  /** The message to show at a field, if any. */
  const error = (field: F): string | undefined => {
    const own = errors[field];
    if (own === undefined) return options.serverError?.(field);
    return typeof own === 'string' ? t(own as ParseKeys) : t(own[0], own[1]);
  };

  /** Shows these errors in place of the last ones, and focus on the first of them. */
  const showErrors = (found: FieldErrors<F>) => {
    remember(found, values);
    setErrors(found);
    setAttempt((n) => n + 1);
  };

  /** The form's onSubmit: checks, then sends what passed. */
  const handleSubmit = (send: (values: V) => Answer<F> | Promise<Answer<F>>) => (event: FormEvent) => {
    event.preventDefault();
    options.onAttempt?.();
    const found = options.validate?.(values) ?? {};
    showErrors(found);
    if (Object.keys(found).length > 0) return;
    setSubmitting(true);
    void (async () => {
      let answer: Answer<F>;
      try {
        answer = await send(values);
      } finally {
        setSubmitting(false);
      }
      // In one render with the errors, so that focus moves as they appear.
      if (answer) {
        remember(answer, values);
        setErrors(answer);
      }
      setAttempt((n) => n + 1);
    })();
  };

  return { values, set, setValues, errors, error, showErrors, handleSubmit, submitting, formRef, dirty, markSaved };
}

/**
 * The check of inputs that must be filled in: an empty or blank text, or an empty list, is
 * "required" at its field.
 */
export function requiredFields<V extends object, F extends Extract<keyof V, string>>(values: V, fields: readonly F[]): FieldErrors<F> {
  const errors: FieldErrors<F> = {};
  for (const f of fields) {
    const value: unknown = values[f];
    if ((typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0)) errors[f] = 'child.errors.required';
  }
  return errors;
}
