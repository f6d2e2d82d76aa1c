import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as shared from '../../shared/api';
import { ConsultationDecisions } from './ConsultationDecisions';

afterEach(() => vi.restoreAllMocks());

describe('the decision of a consultation on my case', () => {
  it('shows what was decided and who does which part, once decided', async () => {
    vi.spyOn(shared, 'api').mockResolvedValue([
      { id: 'c1', format: 'SMALL_STOOL', topic: '垃圾桶点位', startsAt: '2026-11-25T01:00:00Z', place: '6号楼前', status: 'SCHEDULED', parts: [] },
      {
        id: 'c2',
        format: 'RED_HALL',
        topic: '加装电梯',
        startsAt: '2026-11-20T01:00:00Z',
        place: '红色议事厅',
        status: 'DECIDED',
        decision: '6号楼1单元加装电梯，低层住户获补偿',
        parts: [{ partId: '1', task: '施工', carriedOutBy: { kind: 'PROPERTY_COMPANY', label: '城南物业' }, done: false }],
      },
    ]);

    render(<ConsultationDecisions caseId="case-1" />);

    expect(await screen.findByText('6号楼1单元加装电梯，低层住户获补偿')).toBeTruthy();
    expect(screen.getByText(/城南物业/)).toBeTruthy();
    expect(screen.queryByText('垃圾桶点位')).toBeNull();
  });

  it('shows nothing while no consultation is decided', async () => {
    vi.spyOn(shared, 'api').mockResolvedValue([]);

    const { container } = render(<ConsultationDecisions caseId="case-1" />);

    await Promise.resolve();
    expect(container.textContent).toBe('');
  });
});
