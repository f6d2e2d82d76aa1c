import { describe, expect, it } from 'vitest';
import { hoursText, stationTooltip, type Station } from './StationsLayer';

const courier: Station = {
  code: 'st-chengnan-courier',
  kind: 'COURIER_STATION',
  name: '城南小哥驿站',
  unitCode: 'qjp-pulou-chengnan',
  address: '城南路 <东南角>',
  point: { lon: 119.028, lat: 33.605 },
  hours: [{ days: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'], opens: '00:00', closes: '00:00' }],
  facilities: [{ code: 'DRINKING_WATER', label: '饮水' }, { code: 'CHARGING', label: '充电' }],
  contact: { role: '驿站管理员', dutyPhone: '0517-83660002' },
  status: 'ACTIVE',
};

describe('StationsLayer', () => {
  it('reads opening hours as a person says them', () => {
    expect(hoursText(courier.hours)).toBe('全天开放');
    expect(hoursText([
      { days: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'], opens: '08:30', closes: '17:30' },
      { days: ['SATURDAY'], opens: '09:00', closes: '12:00' },
    ])).toBe('周一至周五 08:30–17:30；周六 09:00–12:00');
    expect(hoursText([{ days: ['MONDAY', 'WEDNESDAY'], opens: '07:00', closes: '00:00' }])).toBe('周一、周三 07:00–24:00');
  });

  it('says in the tooltip what the station is, when it is open, what it offers and whom to ask, escaped', () => {
    const text = stationTooltip(courier);
    expect(text).toContain('城南小哥驿站</b> · 小哥驿站');
    expect(text).toContain('饮水 · 充电');
    expect(text).toContain('驿站管理员 0517-83660002');
    expect(text).toContain('&#60;东南角&#62;');
  });
});
