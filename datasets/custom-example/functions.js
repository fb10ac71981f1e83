// Executable functions of the custom-example suite (fcbench custom suite contract:
// src/check/exec/custom-functions.ts). Plain JavaScript values in and out: an integral number
// comes back as a Python int, any other number as a float.

/** Shipping cost: 4.5 base + 1.25 per started kg, doubled for express. */
function shippingCost(weightKg, express) {
  if (typeof weightKg !== 'number' || weightKg <= 0) throw new TypeError('weight_kg must be a positive number');
  const cost = (4.5 + 1.25 * Math.ceil(weightKg)) * (express ? 2 : 1);
  return { __float__: cost };
}

export const functions = {
  shipping_cost: { params: ['weight_kg', ['express', false]], run: shippingCost },
  cart_total: {
    params: ['prices', 'quantities'],
    run(prices, quantities) {
      if (!Array.isArray(prices) || !Array.isArray(quantities) || prices.length !== quantities.length)
        throw new TypeError('prices and quantities must be lists of the same length');
      // Integer cents keep the total exact; returned as a float of dollars.
      const cents = prices.reduce((acc, p, i) => acc + Math.round(p * 100) * quantities[i], 0);
      return { __float__: cents / 100 };
    },
  },
  parcel_label: {
    params: ['name', 'city', 'postcode'],
    run(name, city, postcode) {
      return { to: String(name).toUpperCase(), city: String(city), postcode: String(postcode) };
    },
  },
};
