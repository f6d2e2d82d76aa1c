import type { Question } from '../types';
import { fieldKind, type AnswerValue } from './reportForm';

/** One extra question of a category, asked the way its datatype suggests on a phone. */
export function QuestionField({
  question,
  value,
  problem,
  onChange,
}: {
  question: Question;
  value: AnswerValue;
  problem?: string;
  onChange: (value: AnswerValue) => void;
}) {
  const id = `m-q-${question.code}`;
  const kind = fieldKind(question);
  const choices = question.allowedValues ?? [];
  const label = (
    <>
      {question.label}
      {question.required && <em>*</em>}
    </>
  );
  let input;
  switch (kind) {
    case 'yesno':
      input = (
        <div className="m-chips" role="radiogroup" aria-labelledby={`${id}-label`}>
          {[true, false].map((answer) => (
            <button
              type="button"
              key={String(answer)}
              role="radio"
              aria-checked={value === answer}
              className={value === answer ? 'm-chip m-chip-on' : 'm-chip'}
              onClick={() => onChange(value === answer && !question.required ? undefined : answer)}
            >
              {answer ? '是' : '否'}
            </button>
          ))}
        </div>
      );
      break;
    case 'choice':
    case 'choices': {
      const many = kind === 'choices';
      const chosen = many ? (Array.isArray(value) ? value : []) : value;
      input = (
        <div className="m-chips" role={many ? 'group' : 'radiogroup'} aria-labelledby={`${id}-label`}>
          {choices.map((choice) => {
            const on = many ? (chosen as string[]).includes(choice) : chosen === choice;
            return (
              <button
                type="button"
                key={choice}
                role={many ? 'checkbox' : 'radio'}
                aria-checked={on}
                className={on ? 'm-chip m-chip-on' : 'm-chip'}
                onClick={() => {
                  if (many) {
                    const list = chosen as string[];
                    onChange(on ? list.filter((one) => one !== choice) : [...list, choice]);
                  } else {
                    onChange(on ? undefined : choice);
                  }
                }}
              >
                {choice}
              </button>
            );
          })}
        </div>
      );
      break;
    }
    default:
      input = (
        <input
          id={id}
          className="m-input"
          type={kind === 'datetime' ? 'datetime-local' : 'text'}
          inputMode={kind === 'number' ? 'decimal' : undefined}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value)}
        />
      );
  }
  return (
    <div className="m-question">
      {kind === 'text' || kind === 'number' || kind === 'datetime' ? (
        <label className="m-label" id={`${id}-label`} htmlFor={id}>
          {label}
        </label>
      ) : (
        <p className="m-label" id={`${id}-label`}>
          {label}
        </p>
      )}
      {question.description && <p className="m-hint">{question.description}</p>}
      {input}
      {problem && <p className="m-field-error">{problem}</p>}
    </div>
  );
}
