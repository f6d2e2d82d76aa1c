import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { answersFor, centreOf, looksLikePhone, onBehalfPlace, onBehalfRequest, type Category } from './onBehalf';

const rubbish: Category = {
  code: 'EXPOSED_RUBBISH',
  name: '暴露垃圾',
  active: true,
  attributes: [
    { code: 'rubbishType', label: '垃圾类型', datatype: 'MULTI_VALUE', required: false, allowedValues: ['生活垃圾', '建筑垃圾'] },
    { code: 'volume', label: '垃圾量', datatype: 'SINGLE_VALUE', required: false, allowedValues: ['少量'] },
  ],
};

const food: Category = {
  code: 'FOOD_SAFETY',
  name: '食品安全',
  active: true,
  attributes: [
    { code: 'businessName', label: '经营者名称', datatype: 'STRING', required: true },
    { code: 'purchasedAt', label: '购买或就餐时间', datatype: 'DATETIME', required: false },
    { code: 'feltUnwell', label: '是否有人身体不适', datatype: 'BOOLEAN', required: false },
  ],
};

describe('onBehalfRequest', () => {
  it('given a phone call, when sent, then the contact goes in caller only and the rest is the report', () => {
    const body = onBehalfRequest(
      {
        channel: 'PHONE_CALL',
        callerName: ' 王女士 ',
        callerPhone: ' 13800001111 ',
        categoryCode: 'EXPOSED_RUBBISH',
        description: ' 楼下垃圾三天没人清 ',
        point: { lon: 119.02, lat: 33.6 },
        locationDescription: '健康东路12号',
        answers: { rubbishType: ['生活垃圾'], volume: undefined },
      },
      rubbish,
    );
    expect(body).toEqual({
      channel: 'PHONE_CALL',
      caller: { name: '王女士', phone: '13800001111' },
      categoryCode: 'EXPOSED_RUBBISH',
      description: '楼下垃圾三天没人清',
      point: { lon: 119.02, lat: 33.6 },
      locationDescription: '健康东路12号',
      answers: { rubbishType: ['生活垃圾'] },
    });
    expect(JSON.stringify({ ...body, caller: undefined })).not.toContain('13800001111');
  });

  it('given no name, no address and no answers, when sent, then they are left out', () => {
    const body = onBehalfRequest(
      { channel: 'WALK_IN', callerName: '  ', callerPhone: '0517-1234567', categoryCode: 'EXPOSED_RUBBISH', description: '垃圾', point: { lon: 1, lat: 2 } },
      rubbish,
    );
    expect(body).toEqual({
      channel: 'WALK_IN',
      caller: { phone: '0517-1234567' },
      categoryCode: 'EXPOSED_RUBBISH',
      description: '垃圾',
      point: { lon: 1, lat: 2 },
    });
  });
});

describe('answersFor', () => {
  it('given answers of another category left in the form, when sent, then only the chosen category\'s questions go', () => {
    expect(answersFor(food, { businessName: '小吃店', rubbishType: ['生活垃圾'], feltUnwell: false })).toEqual({
      businessName: '小吃店',
      feltUnwell: false,
    });
  });

  it('given a date and time, when sent, then it carries its offset', () => {
    const at = dayjs('2026-11-21T09:30:00+08:00');
    expect((answersFor(food, { businessName: 'x', purchasedAt: at })?.purchasedAt as string).slice(0, 16)).toBe(at.format('YYYY-MM-DDTHH:mm'));
    expect(answersFor(food, { businessName: 'x', purchasedAt: at })?.purchasedAt).toMatch(/[+-]\d\d:\d\d$/);
  });
});

describe('onBehalfPlace', () => {
  it.each([
    ['caller.phone', ['callerPhone']],
    ['caller', ['callerPhone']],
    ['caller.name', ['callerName']],
    ['point.lat', ['point']],
    ['answers.businessName', ['answers', 'businessName']],
    ['answers.unknown', ['categoryCode']],
    ['categoryCode', ['categoryCode']],
    ['somethingElse', undefined],
  ])('given the API names %s, when placed, then it shows at %j', (field, path) => {
    expect(onBehalfPlace(field, food.attributes)).toEqual(path);
  });
});

describe('centreOf', () => {
  it('given a closed square ring, when its middle is taken, then the closing corner is not counted twice', () => {
    const square: GeoJSON.Polygon = { type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]] };
    expect(centreOf(square)).toEqual({ lon: 1, lat: 1 });
  });

  it('given no geometry, when its middle is taken, then there is none', () => {
    expect(centreOf(undefined)).toBeUndefined();
  });
});

describe('looksLikePhone', () => {
  it('given numbers as clerks write them, when checked, then the intake\'s own rule decides', () => {
    expect(looksLikePhone('13800001111')).toBe(true);
    expect(looksLikePhone('0517-8888 1234')).toBe(true);
    expect(looksLikePhone('王女士')).toBe(false);
    expect(looksLikePhone('123')).toBe(false);
  });
});
