import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, DatePicker, Divider, Empty, Form, Grid, Input, Popconfirm, Result, Row, Select, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Fragment, useEffect, useState } from 'react';
import { api, ApiError } from '../../shared/api';
import { ServiceAlert } from '../components/ServiceAlert';
import {
  calendarPlace,
  dayWithWeekday,
  daysOf,
  toRequest,
  toValues,
  yearChoices,
  type CalendarValues,
  type HolidayCalendar,
} from '../model/calendar';
import { fieldProblems } from '../model/fieldErrors';
import { useApi } from '../model/useApi';

type Loaded = { configured: true; calendar: HolidayCalendar } | { configured: false; detail?: string };

async function loadYear(year: number): Promise<Loaded> {
  try {
    return { configured: true, calendar: await api<HolidayCalendar>(`/api/calendars/${year}`) };
  } catch (failure) {
    if (failure instanceof ApiError && failure.status === 404) {
      return { configured: false, detail: failure.problem.detail };
    }
    throw failure;
  }
}

function HolidayDays({ index }: { index: number }) {
  const from = Form.useWatch(['holidays', index, 'from']);
  const to = Form.useWatch(['holidays', index, 'to']);
  const days = daysOf(from, to);
  return <Typography.Text type="secondary">{days ? `${days} 天` : ''}</Typography.Text>;
}

function WeekdayOf({ index }: { index: number }) {
  const day = Form.useWatch(['makeUpWorkdays', index]);
  if (!day) return null;
  const weekend = day.day() === 0 || day.day() === 6;
  return <Typography.Text type={weekend ? 'secondary' : 'warning'}>{dayWithWeekday(day).slice(11)}</Typography.Text>;
}

/**
 * Enter in a date field takes the typed date; it must not also save the whole calendar (a form's
 * implicit submission), which would send a half-entered notice.
 */
function keepEnterInDateFields(event: React.KeyboardEvent<HTMLFormElement>) {
  if (event.key === 'Enter' && (event.target as HTMLElement).closest('.ant-picker')) {
    event.preventDefault();
  }
}

/**
 * 节假日: a district administrator enters each year's public holidays and make-up working days
 * from the State Council's notice; every case deadline reads them. A year not entered says so:
 * its deadlines skip weekends only.
 */
export default function Calendars() {
  const { message } = App.useApp();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [tick, setTick] = useState(0);
  const [editing, setEditing] = useState(false);
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<{ title: string; lines: string[] }>();
  const [form] = Form.useForm<CalendarValues>();
  const stacked = !Grid.useBreakpoint().sm;
  // Side by side, the first holiday's labels head the columns; on a phone each row stacks, and needs its own.
  const labelOf = (index: number, label: string) => (index === 0 || stacked ? label : undefined);
  const all = useApi(() => api<HolidayCalendar[]>('/api/calendars'), [tick]);
  const loaded = useApi(() => loadYear(year), [year, tick]);

  const calendar = loaded.data?.configured ? loaded.data.calendar : undefined;
  const configuredYears = (all.data ?? []).map((c) => c.year);

  useEffect(() => {
    setRefusal(undefined);
    if (loaded.data) {
      form.resetFields();
      form.setFieldsValue(toValues(calendar));
      setEditing(loaded.data.configured);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loaded.data]);

  async function save(values: CalendarValues) {
    setSaving(true);
    setRefusal(undefined);
    try {
      const saved = await api<HolidayCalendar>(`/api/calendars/${year}`, { method: 'PUT', body: toRequest(values) });
      message.success(`${year} 年节假日已保存：${saved.holidays.length} 个假期共 ${saved.daysOff} 天，${saved.makeUpWorkdays.length} 个调休上班日`);
      setTick((t) => t + 1);
    } catch (failure) {
      if (failure instanceof ApiError) {
        const { fields, rest } = fieldProblems(failure.problem, calendarPlace(values));
        form.setFields(fields as Parameters<typeof form.setFields>[0]);
        setRefusal({
          title: fields.length ? '未保存：请按红字提示修改' : '未保存',
          lines: rest.length ? rest : fields.length ? [] : [failure.message],
        });
      } else {
        setRefusal({ title: '未保存', lines: [failure instanceof Error ? failure.message : String(failure)] });
      }
    } finally {
      setSaving(false);
    }
  }

  async function remove() {
    try {
      await api(`/api/calendars/${year}`, { method: 'DELETE' });
      message.success(`${year} 年节假日已删除，该年时限只扣除周末`);
      setTick((t) => t + 1);
    } catch (failure) {
      message.error(failure instanceof Error ? failure.message : String(failure));
    }
  }

  const notConfigured = loaded.data && !loaded.data.configured;

  return (
    <Card
      title="节假日"
      extra={
        <Space wrap>
          <span>年份</span>
          <Select
            aria-label="年份"
            value={year}
            style={{ width: 156 }}
            onChange={setYear}
            options={yearChoices(thisYear, configuredYears).map((y) => ({
              value: y,
              label: `${y} 年${configuredYears.includes(y) ? '' : '（未配置）'}`,
            }))}
          />
        </Space>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
        按国务院办公厅当年的放假通知录入：每个假期的起止日期（含其中的周末）和调休上班日（周六或周日）。所有案件的办理时限按此扣除节假日。
      </Typography.Paragraph>
      <ServiceAlert error={loaded.error} part={`${year} 年节假日`} onRetry={loaded.reload} />
      {notConfigured && (
        <Alert
          type="warning"
          showIcon
          data-testid="calendar-not-configured"
          message={`${year} 年的节假日尚未配置`}
          description={`在录入之前，${year} 年内的时限只扣除周末，不扣除法定节假日，也不算调休上班日；涉及该年的案件时限会提示这一点。`}
          style={{ marginBottom: 16 }}
          action={
            !editing && (
              <Button type="primary" size="small" onClick={() => setEditing(true)}>
                录入 {year} 年节假日
              </Button>
            )
          }
        />
      )}
      {calendar && (
        <Space wrap style={{ marginBottom: 16 }} data-testid="calendar-summary">
          <Tag color="green">已配置</Tag>
          <span>
            {calendar.holidays.length} 个假期，共 {calendar.daysOff} 天；{calendar.makeUpWorkdays.length} 个调休上班日
          </span>
        </Space>
      )}
      {loaded.loading && !loaded.data && <Card loading bordered={false} />}
      {!editing && notConfigured && <Empty description={`${year} 年没有节假日数据`} />}
      <Form
        form={form}
        name="calendar"
        layout="vertical"
        onFinish={save}
        onKeyDown={keepEnterInDateFields}
        hidden={!editing}
        initialValues={{ holidays: [{}], makeUpWorkdays: [] }}
      >
        <Typography.Title level={5}>法定节假日</Typography.Title>
        <Form.List name="holidays">
          {(rows, { add, remove: removeRow }) => (
            <>
              {rows.map((row, index) => (
                <Fragment key={row.key}>
                  {/* Stacked, a line between holidays says where one ends and the next begins. */}
                  {stacked && index > 0 && <Divider dashed data-testid="holiday-separator" style={{ marginTop: 0 }} />}
                  <Row gutter={8} align="top" data-testid="holiday-row">
                    <Col xs={24} sm={6}>
                      <Form.Item name={[row.name, 'name']} rules={[{ required: true, whitespace: true, message: '请填写名称' }]} label={labelOf(index, '名称')}>
                        <Input placeholder="如：春节" aria-label={`假期${index + 1}名称`} maxLength={20} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} sm={6}>
                      <Form.Item name={[row.name, 'from']} rules={[{ required: true, message: '请选择首日' }]} label={labelOf(index, '放假首日')}>
                        <DatePicker style={{ width: '100%' }} defaultPickerValue={dayjs(`${year}-01-01`)} aria-label={`假期${index + 1}首日`} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} sm={6}>
                      <Form.Item name={[row.name, 'to']} rules={[{ required: true, message: '请选择末日' }]} label={labelOf(index, '放假末日')}>
                        <DatePicker style={{ width: '100%' }} defaultPickerValue={dayjs(`${year}-01-01`)} aria-label={`假期${index + 1}末日`} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} sm={6}>
                      <Form.Item label={labelOf(index, '天数')}>
                        <Space>
                          <HolidayDays index={index} />
                          <Button icon={<DeleteOutlined />} onClick={() => removeRow(row.name)} aria-label={`删除假期${index + 1}`} />
                        </Space>
                      </Form.Item>
                    </Col>
                  </Row>
                </Fragment>
              ))}
              <div style={{ marginBottom: 16 }}>
                <Button icon={<PlusOutlined />} onClick={() => add({})}>
                  添加假期
                </Button>
              </div>
            </>
          )}
        </Form.List>
        <Typography.Title level={5}>调休上班日</Typography.Title>
        <Form.List name="makeUpWorkdays">
          {(rows, { add, remove: removeRow }) => (
            <>
              {rows.length === 0 && <Typography.Paragraph type="secondary">没有调休上班日</Typography.Paragraph>}
              <Row gutter={8}>
                {rows.map((row, index) => (
                  <Col xs={24} sm={12} lg={8} key={row.key}>
                    <Space align="start">
                      <Form.Item name={row.name} data-testid="makeup-row">
                        <DatePicker defaultPickerValue={dayjs(`${year}-01-01`)} aria-label={`调休上班日${index + 1}`} />
                      </Form.Item>
                      <div style={{ paddingTop: 5, whiteSpace: 'nowrap' }}>
                        <WeekdayOf index={index} />
                      </div>
                      <Button icon={<DeleteOutlined />} onClick={() => removeRow(row.name)} aria-label={`删除调休上班日${index + 1}`} />
                    </Space>
                  </Col>
                ))}
              </Row>
              <div style={{ marginBottom: 24 }}>
                <Button icon={<PlusOutlined />} onClick={() => add()}>
                  添加调休上班日
                </Button>
              </div>
            </>
          )}
        </Form.List>
        {refusal && (
          <Alert
            type="error"
            showIcon
            role="alert"
            data-testid="calendar-refusal"
            message={refusal.title}
            description={refusal.lines.length ? refusal.lines.join('；') : undefined}
            style={{ marginBottom: 16 }}
          />
        )}
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={saving}>
            保存 {year} 年节假日
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              form.setFieldsValue(toValues(calendar));
              setRefusal(undefined);
              if (!calendar) setEditing(false);
            }}
          >
            撤销修改
          </Button>
          {calendar && (
            <Popconfirm
              title={`删除 ${year} 年的节假日？`}
              description="删除后该年的时限只扣除周末。"
              okText="删除"
              okButtonProps={{ danger: true }}
              cancelText="取消"
              onConfirm={() => void remove()}
            >
              <Button danger>删除 {year} 年配置</Button>
            </Popconfirm>
          )}
        </Space>
      </Form>
      {loaded.error instanceof ApiError && loaded.error.status === 403 && <Result status="403" title="只有区级管理员可以维护节假日" />}
    </Card>
  );
}
