/**
 * The 19 functions of the BFCL executable library that call web APIs (bfcl-spec-v1.md §4.3).
 * They go through the HTTP layer (offline replay, live, record); without one they raise
 * NeedsNetworkError, which the checker reports as "needs network".
 */
import { pyStr } from '../../../core/pyrepr.js';
import { PyDict, PyError, PyFloat, PyTuple, type PyValue } from '../../../core/pyvalue.js';
import { F, mul } from '../../../core/pyops.js';
import { getitem, iterate, len } from '../pybuiltins.js';
import { HttpLayer, NeedsNetworkError, type ApiKeyVar, type HttpResponse } from '../http.js';
import { defineFunction, type ExecContext, type ExecFunction } from '../registry.js';

function http(ctx: ExecContext, what: string): HttpLayer {
  if (!ctx.http) throw new NeedsNetworkError(what);
  return ctx.http;
}

async function get(ctx: ExecContext, url: string, params: Record<string, PyValue> = {}, keyHeaderHost?: string): Promise<HttpResponse> {
  const layer = http(ctx, url);
  const headers: Record<string, string> = {};
  if (keyHeaderHost) {
    headers['X-RapidAPI-Key'] = layer.key('RAPID_API_KEY');
    headers['X-RapidAPI-Host'] = keyHeaderHost;
  }
  const p = Object.entries(params).map(([k, v]) => [k, pyStr(v)] as [string, string]);
  return layer.get({ url, params: p, headers }, ctx.signal);
}

const key = (ctx: ExecContext, name: ApiKeyVar): string => http(ctx, name).key(name);

/** `try: return pick(response.json()) except: return fallback(response)` */
function tryPick(r: HttpResponse, pick: (j: PyValue) => PyValue, fallback: (r: HttpResponse) => PyValue): PyValue {
  let j: PyValue;
  try {
    j = r.json();
    return pick(j);
  } catch {
    return fallback(r);
  }
}

export const networkFunctions: ExecFunction[] = [
  defineFunction(
    'get_weather_data',
    ['coordinates'],
    async ([coordinates], ctx) => {
      const items = iterate(coordinates!);
      if (items.length !== 2) throw new PyError('ValueError', `${items.length > 2 ? 'too many values to unpack (expected 2)' : `not enough values to unpack (expected 2, got ${items.length})`}`);
      const r = await get(ctx, 'https://api.open-meteo.com/v1/forecast', { latitude: items[0]!, longitude: items[1]!, current: 'temperature_2m', temperature_unit: 'fahrenheit' });
      if (r.status === 200) return getitem(getitem(r.json(), 'current'), 'temperature_2m');
      return `Failed to fetch data with status code: ${r.status}`;
    },
    { network: true },
  ),
  defineFunction(
    'get_coordinates_from_city',
    ['city_name'],
    async ([city], ctx) => {
      const r = await get(ctx, 'https://geocode.maps.co/search', { q: city!, api_key: key(ctx, 'GEOCODE_API_KEY') });
      if (r.status === 200) {
        const data = r.json();
        if (len(data) > 0) return new PyTuple([getitem(getitem(data, 0), 'lat'), getitem(getitem(data, 0), 'lon')]);
        return 'No data found for the given city name.';
      }
      return `Failed to fetch data with status code: ${r.status}`;
    },
    { network: true },
  ),
  defineFunction(
    'convert_currency',
    ['amount', 'from_currency', 'to_currency'],
    async ([amount, from, to], ctx) => {
      const r = await get(ctx, `https://v6.exchangerate-api.com/v6/${key(ctx, 'EXCHANGERATE_API_KEY')}/latest/${pyStr(from!)}`);
      if (r.status === 200) {
        const rates = r.json() instanceof PyDict ? ((r.json() as PyDict).get('conversion_rates') ?? new PyDict()) : new PyDict();
        if (rates instanceof PyDict && rates.has(to!)) {
          return mul(amount!, rates.get(to!)!);
        }
        return 'Target currency code not found.';
      }
      return `Failed to fetch data with status code: ${r.status}`;
    },
    { network: true },
  ),
  defineFunction(
    'find_term_on_urban_dictionary',
    ['term'],
    async ([term], ctx) => {
      const r = await get(ctx, 'https://mashape-community-urban-dictionary.p.rapidapi.com/define', { term: term! }, 'mashape-community-urban-dictionary.p.rapidapi.com');
      return getitem(getitem(getitem(r.json(), 'list'), 0), 'definition');
    },
    { network: true },
  ),
  defineFunction(
    'get_coordinate_by_ip_address',
    ['ip_address'],
    async ([ip], ctx) => {
      const r = await get(ctx, `http://ip-api.com/json/${pyStr(ip!)}`);
      return tryPick(r, (j) => new PyTuple([getitem(j, 'lat'), getitem(j, 'lon')]), (x) => getitem(x.json(), 'message'));
    },
    { network: true },
  ),
  defineFunction(
    'get_zipcode_by_ip_address',
    ['ip_address'],
    async ([ip], ctx) => {
      const r = await get(ctx, `http://ip-api.com/json/${pyStr(ip!)}`);
      return tryPick(r, (j) => getitem(j, 'zip'), (x) => getitem(x.json(), 'message'));
    },
    { network: true },
  ),
  ...(
    [
      ['get_covid_death_by_country', 'deaths', 'total'],
      ['get_active_covid_case_by_country', 'cases', 'active'],
    ] as const
  ).map(([name, a, b]) =>
    defineFunction(
      name,
      ['country'],
      async ([country], ctx) => {
        const r = await get(ctx, 'https://covid-193.p.rapidapi.com/statistics', { country: country! }, 'covid-193.p.rapidapi.com');
        return tryPick(r, (j) => getitem(getitem(getitem(getitem(j, 'response'), 0), a), b), (x) => x.json());
      },
      { network: true },
    ),
  ),
  ...(
    [
      ['get_rating_by_amazon_ASIN', 'product_star_rating'],
      ['get_price_by_amazon_ASIN', 'product_price'],
      ['get_product_name_by_amazon_ASIN', 'product_title'],
    ] as const
  ).map(([name, field]) =>
    defineFunction(
      name,
      ['ASIN'],
      async ([asin], ctx) => {
        const r = await get(ctx, 'https://real-time-amazon-data.p.rapidapi.com/product-details', { asin: asin!, country: 'US' }, 'real-time-amazon-data.p.rapidapi.com');
        return tryPick(r, (j) => getitem(getitem(j, 'data'), field), (x) => x.json());
      },
      { network: true },
    ),
  ),
  defineFunction(
    'get_company_name_by_stock_name',
    ['stock_name'],
    async ([stock], ctx) => {
      const r = await get(ctx, 'https://yahoo-finance15.p.rapidapi.com/api/v1/markets/search', { search: stock! }, 'yahoo-finance15.p.rapidapi.com');
      return tryPick(r, (j) => getitem(getitem(getitem(j, 'body'), 0), 'name'), (x) => x.json());
    },
    { network: true },
  ),
  defineFunction(
    'get_stock_price_by_stock_name',
    ['stock_name'],
    async ([stock], ctx) => {
      const r = await get(ctx, 'https://yahoo-finance15.p.rapidapi.com/api/v1/markets/stock/quotes', { ticker: stock! }, 'yahoo-finance15.p.rapidapi.com');
      return tryPick(
        r,
        (j) => {
          const v = getitem(getitem(getitem(j, 'body'), 0), 'regularMarketPrice');
          if (v instanceof PyFloat) return v;
          if (typeof v === 'number') return F(v);
          if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))) return F(Number(v));
          throw new PyError('ValueError', 'could not convert to float');
        },
        (x) => x.json(),
      );
    },
    { network: true },
  ),
  defineFunction(
    'get_stock_history',
    ['stock_name', 'interval', ['diffandsplits', 'true']],
    async ([stock, interval, diff], ctx) => {
      const r = await get(ctx, 'https://yahoo-finance15.p.rapidapi.com/api/v1/markets/stock/history', { symbol: stock!, interval: interval!, diffandsplits: diff! }, 'yahoo-finance15.p.rapidapi.com');
      return tryPick(
        r,
        (j) => {
          const body = getitem(j, 'body');
          if (!(body instanceof PyDict)) throw new PyError('TypeError', 'body is not a dict');
          return new PyDict(body.entries().slice(-10));
        },
        (x) => x.json(),
      );
    },
    { network: true },
  ),
  defineFunction(
    'retrieve_city_based_on_zipcode',
    ['zipcode'],
    async ([zip], ctx) => {
      const r = await get(ctx, `http://ziptasticapi.com/${pyStr(zip!)}`);
      return tryPick(r, (j) => getitem(j, 'city'), (x) => x.json());
    },
    { network: true },
  ),
  defineFunction(
    'retrieve_holiday_by_year',
    ['country', 'year'],
    async ([country, year], ctx) => (await get(ctx, `https://date.nager.at/api/v3/publicholidays/${pyStr(year!)}/${pyStr(country!)}`)).json(),
    { network: true },
  ),
  defineFunction(
    'get_time_zone_by_coord',
    ['long', 'lat'],
    async ([long, lat], ctx) => {
      const r = await get(ctx, 'https://timezone-by-location.p.rapidapi.com/timezone', { lat: lat!, lon: long!, c: '1', s: '0' }, 'timezone-by-location.p.rapidapi.com');
      return tryPick(r, (j) => getitem(getitem(getitem(j, 'Zones'), 0), 'TimezoneId'), (x) => x.json());
    },
    { network: true },
  ),
  ...(
    [
      ['get_movie_rating', 'Rated'],
      ['get_movie_director', 'Director'],
    ] as const
  ).map(([name, field]) =>
    defineFunction(
      name,
      ['movie_name'],
      async ([movie], ctx) => getitem((await get(ctx, 'https://www.omdbapi.com/', { t: movie!, apikey: key(ctx, 'OMDB_API_KEY') })).json(), field),
      { network: true },
    ),
  ),
];

/** Hosts the library itself contacts (the live-mode allow-list for library functions). */
export const LIBRARY_HOSTS = [
  'api.open-meteo.com',
  'geocode.maps.co',
  'v6.exchangerate-api.com',
  'mashape-community-urban-dictionary.p.rapidapi.com',
  'ip-api.com',
  'covid-193.p.rapidapi.com',
  'real-time-amazon-data.p.rapidapi.com',
  'yahoo-finance15.p.rapidapi.com',
  'ziptasticapi.com',
  'date.nager.at',
  'timezone-by-location.p.rapidapi.com',
  'www.omdbapi.com',
];
