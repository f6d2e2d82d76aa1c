import { LockOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Col, DatePicker, Form, Input, InputNumber, Radio, Result, Row, Select, Space, Switch, Typography } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { api, ApiError } from '../../shared/api';
import type { GridFeature } from '../components/leaflet';
import { ServiceAlert } from '../components/ServiceAlert';
import { fieldProblems } from '../model/fieldErrors';
import { onBehalfPlace, onBehalfRequest, type Category, type OnBehalfValues, type Question } from '../model/onBehalf';
import { useNarrow } from '../model/narrow';
import { useSession } from '../model/session';
import type { GeoPoint } from '../model/types';
import { useApi } from '../model/useApi';

const PlacePicker = lazy(() => import('../components/PlacePicker'));

/** The map loads with the form's first paint, not before it; Form.Item hands it value and onChange. */
function LazyPlacePicker(props: { value?: GeoPoint; onChange?: (point: GeoPoint | undefined) => void; grids: GridFeature[]; id?: string }) {
  return (
    <Suspense fallback={<div style={{ height: 360 }} />}>
      <PlacePicker {...props} />
    </Suspense>
  );
}

interface Filed {
  id: string;
  number: string;
  status: string;
  channel: string;
}

function QuestionInput({ question }: { question: Question }) {
  switch (question.datatype) {
    case 'NUMBER':
      return <InputNumber style={{ width: 180 }} />;
    case 'BOOLEAN':
      return <Radio.Group options={[{ value: true, label: '是' }, { value: false, label: '否' }]} />;
    case 'DATETIME':
      return <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />;
    case 'SINGLE_VALUE':
      return <Select allowClear options={(question.allowedValues ?? []).map((v) => ({ value: v, label: v }))} placeholder="请选择" />;
    case 'MULTI_VALUE':
      return <Checkbox.Group options={question.allowedValues ?? []} />;
    default:
      return <Input maxLength={1000} />;
  }
}

/**
 * 代为登记: community staff record a walk-in (来访) or phone (来电) complaint for a resident. The
 * category's questions become fields; the caller's contact is sealed by case-service and read back
 * only from the case page by staff of the area; a refusal shows beside the field it names.
 */
export default function OnBehalf() {
  const session = useSession();
  const narrow = useNarrow();
  const [form] = Form.useForm<OnBehalfValues>();
  const [submitting, setSubmitting] = useState(false);
  const [refusal, setRefusal] = useState<{ title: string; lines: string[] }>();
  const [filed, setFiled] = useState<Filed>();
  const categories = useApi(() => api<Category[]>('/api/categories'), []);
  const grids = useApi(
    () =>
      api<{ features: GridFeature[] }>('/api/grids/export').then((all) => {
        const mine = all.features.filter((f) => !session.user.orgPath || String(f.properties.orgPath ?? '').startsWith(session.user.orgPath));
        return mine.length ? mine : all.features;
      }),
    [],
  );
  const code = Form.useWatch('categoryCode', form);
  const active = useMemo(() => (categories.data ?? []).filter((c) => c.active !== false), [categories.data]);
  const category = active.find((c) => c.code === code);
  const questions = category?.attributes ?? [];

  async function submit(values: OnBehalfValues) {
    setSubmitting(true);
    setRefusal(undefined);
    try {
      const created = await api<Filed>('/api/cases/on-behalf', { method: 'POST', body: onBehalfRequest(values, category) });
      setFiled(created);
    } catch (failure) {
      if (failure instanceof ApiError) {
        const { fields, rest } = fieldProblems(failure.problem, (field) => onBehalfPlace(field, questions));
        form.setFields(fields as Parameters<typeof form.setFields>[0]);
        const title = fields.length ? '登记未成功：请按红字提示修改' : '登记未成功';
        const lines = rest.length ? rest : fields.length ? [] : [failure.message];
        setRefusal({ title, lines });
      } else {
        setRefusal({ title: '登记未成功', lines: [failure instanceof Error ? failure.message : String(failure)] });
      }
    } finally {
      setSubmitting(false);
    }
  }

  if (filed) {
    return (
      <Card>
        <Result
          status="success"
          title={`已代为登记：${filed.number}`}
          subTitle="案件已进入本社区工作台待受理。来电人的联系方式已加密保存，只能在案件页由本辖区工作人员查看。"
          extra={[
            <Link key="open" to={`/cases/${filed.id}`} data-testid="filed-case">
              <Button type="primary">查看案件</Button>
            </Link>,
            <Button
              key="again"
              onClick={() => {
                setFiled(undefined);
                form.resetFields();
              }}
            >
              继续登记
            </Button>,
          ]}
        />
      </Card>
    );
  }

  return (
    <Card title="代为登记" extra={narrow ? undefined : <Typography.Text type="secondary">来访、来电诉求由工作人员代居民登记</Typography.Text>}>
      <ServiceAlert error={categories.error} part="诉求类别" onRetry={categories.reload} />
      <Form
        form={form}
        layout="vertical"
        name="on-behalf"
        onFinish={submit}
        initialValues={{ channel: 'PHONE_CALL', emergency: false }}
        onValuesChange={(changed) => {
          if ('categoryCode' in changed) form.setFieldValue('answers', undefined);
        }}
        scrollToFirstError
      >
        <Row gutter={24}>
          <Col xs={24} lg={12}>
            <Typography.Title level={5}>来电人</Typography.Title>
            <Form.Item name="channel" label="登记方式" rules={[{ required: true }]}>
              <Radio.Group optionType="button" options={[{ value: 'PHONE_CALL', label: '来电' }, { value: 'WALK_IN', label: '来访' }]} />
            </Form.Item>
            <Row gutter={12}>
              <Col xs={24} sm={10}>
                <Form.Item name="callerName" label="称呼（可选）" rules={[{ max: 50, message: '不超过50字' }]}>
                  <Input placeholder="如：王女士" autoComplete="off" />
                </Form.Item>
              </Col>
              <Col xs={24} sm={14}>
                <Form.Item
                  name="callerPhone"
                  label="联系电话"
                  rules={[{ required: true, whitespace: true, message: '请填写联系电话，社区要据此回电' }, { max: 20, message: '不超过20位' }]}
                  extra={
                    <span>
                      <LockOutlined /> 加密保存，不出现在案件列表、事件和日志中
                    </span>
                  }
                >
                  <Input inputMode="tel" autoComplete="off" placeholder="手机或座机" />
                </Form.Item>
              </Col>
            </Row>
            <Typography.Title level={5}>诉求</Typography.Title>
            <Form.Item name="categoryCode" label="类别" rules={[{ required: true, message: '请选择类别' }]}>
              <Select
                showSearch
                optionFilterProp="label"
                placeholder="选择诉求类别"
                loading={categories.loading}
                options={active.map((c) => ({ value: c.code, label: c.name }))}
                aria-label="类别"
              />
            </Form.Item>
            {questions.map((q) => (
              <Form.Item
                key={q.code}
                name={['answers', q.code]}
                label={q.label}
                tooltip={q.description}
                rules={q.required ? [{ required: true, message: `请回答「${q.label}」` }] : []}
              >
                <QuestionInput question={q} />
              </Form.Item>
            ))}
            <Form.Item
              name="description"
              label="诉求描述"
              rules={[{ required: true, whitespace: true, message: '请记录居民反映的情况' }, { max: 2000, message: '不超过2000字' }]}
            >
              <Input.TextArea rows={4} placeholder="按来电人所述记录：什么问题、持续多久、影响了谁" showCount maxLength={2000} />
            </Form.Item>
            <Form.Item name="emergency" label="紧急" valuePropName="checked">
              <Switch checkedChildren="紧急" unCheckedChildren="一般" />
            </Form.Item>
          </Col>
          <Col xs={24} lg={12}>
            <Typography.Title level={5}>事发位置</Typography.Title>
            <ServiceAlert error={grids.error} part="网格地图" onRetry={grids.reload} />
            <Form.Item name="point" label="位置" rules={[{ required: true, message: '请在地图上点选位置，或选择所在网格' }]}>
              <LazyPlacePicker grids={grids.data ?? []} />
            </Form.Item>
            <Form.Item name="locationDescription" label="地址 / 位置说明" rules={[{ max: 200, message: '不超过200字' }]}>
              <Input placeholder="如：健康东路12号3栋楼下" />
            </Form.Item>
          </Col>
        </Row>
        {refusal && (
          <Alert
            type="error"
            showIcon
            role="alert"
            data-testid="on-behalf-refusal"
            message={refusal.title}
            description={refusal.lines.length ? refusal.lines.join('；') : undefined}
            style={{ marginBottom: 16 }}
          />
        )}
        <Space>
          <Button type="primary" htmlType="submit" loading={submitting}>
            登记
          </Button>
          <Button onClick={() => { form.resetFields(); setRefusal(undefined); }}>清空</Button>
        </Space>
      </Form>
    </Card>
  );
}
