import { Link } from 'react-router';
import type { Case } from '../types';
import { chinaTime, STATUS_TEXT, statusTone } from './caseText';

export function CaseCard({ aCase }: { aCase: Case }) {
  return (
    <li>
      <Link className="m-card" to={`/cases/${aCase.id}`}>
        <div className="m-card-top">
          <strong>{aCase.categoryName ?? aCase.categoryCode}</strong>
          <span className={`m-status m-status-${statusTone(aCase.status)}`}>{STATUS_TEXT[aCase.status] ?? aCase.status}</span>
        </div>
        <p className="m-card-text">{aCase.description}</p>
        <p className="m-card-meta">
          {aCase.number} · {chinaTime(aCase.reportedAt)}
          {aCase.expectedCompletion && aCase.status !== 'CLOSED' ? ` · 预计 ${chinaTime(aCase.expectedCompletion)} 前办结` : ''}
        </p>
      </Link>
    </li>
  );
}
