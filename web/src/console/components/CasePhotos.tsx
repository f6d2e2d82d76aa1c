import { Empty, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api';
import { AuthorizedImage } from '../../shared/AuthorizedImage';
import { useApi } from '../model/useApi';
import { ServiceAlert } from './ServiceAlert';

interface Photo {
  id: string;
  stage: 'REPORT' | 'RESOLUTION' | 'NOTE';
  width?: number;
  height?: number;
  createdAt: string;
}

const THUMB = { width: 96, height: 96, objectFit: 'cover', display: 'inline-block', borderRadius: 4, background: '#f0f0f0' } as const;

const STAGES: { stage: Photo['stage']; title: string }[] = [
  { stage: 'REPORT', title: '上报照片' },
  { stage: 'RESOLUTION', title: '处置照片' },
  { stage: 'NOTE', title: '工作照片' },
];

/** A case's photos by stage, as thumbnails; a click shows the whole photo. */
export function CasePhotos({ caseId, tick }: { caseId: string; tick: number }) {
  const photos = useApi(() => api<Photo[]>(`/api/cases/${caseId}/attachments`), [caseId, tick]);
  const [shown, setShown] = useState<Photo>();
  if (photos.error) {
    return <ServiceAlert error={photos.error} part="照片" onRetry={photos.reload} />;
  }
  const all = photos.data ?? [];
  if (photos.data && all.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有照片" />;
  }
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="case-photos">
      {STAGES.map(({ stage, title }) => {
        const ofStage = all.filter((p) => p.stage === stage);
        return ofStage.length === 0 ? null : (
          <div key={stage}>
            <div>
              <Typography.Text type="secondary">{title}</Typography.Text>
            </div>
            <Space wrap>
              {ofStage.map((photo, index) => (
                <button
                  key={photo.id}
                  type="button"
                  onClick={() => setShown(photo)}
                  aria-label={`查看${title}第 ${index + 1} 张`}
                  style={{ border: 0, padding: 0, background: 'none', cursor: 'zoom-in' }}
                >
                  <AuthorizedImage path={`/api/cases/${caseId}/attachments/${photo.id}/thumbnail`} alt={`${title} ${index + 1}`} style={THUMB} />
                </button>
              ))}
            </Space>
          </div>
        );
      })}
      <Modal open={!!shown} footer={null} width={900} onCancel={() => setShown(undefined)} title="照片" destroyOnHidden>
        {shown && (
          <AuthorizedImage path={`/api/cases/${caseId}/attachments/${shown.id}`} alt="照片原图" style={{ width: '100%', height: 'auto' }} />
        )}
      </Modal>
    </Space>
  );
}
