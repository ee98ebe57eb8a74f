import type { OrderSummary } from "../types"
import type { ShopConfig } from "../shop"

export const shop: ShopConfig = {
  name: "Jaipur Looms",
  logoUrl: "https://cdn.example.com/logo.png",
  address: "12 MI Road, Jaipur 302001, India",
  supportEmail: "help@jaipurlooms.example",
  storefrontUrl: "https://shop.example.com",
  adminUrl: "https://api.example.com/app",
}

/** 3 × ₹41,152.00 + ₹99.00 shipping: big enough to show Indian grouping (₹1,23,555.00). */
export const inrOrder: OrderSummary = {
  id: "order_01TEST",
  display_id: 1042,
  currency_code: "inr",
  items: [
    { title: "Pashmina Shawl", variant_title: "Ivory", quantity: 3, unit_price: "41152", total: "123456" },
  ],
  subtotal: "123456",
  shipping_total: "99",
  tax_total: "18846.1",
  tax_inclusive: true,
  discount_total: "0",
  total: "123555",
  shipping_address: { name: "Asha Verma", address_1: "4 Park Street", city: "Kolkata", province: "WB", postal_code: "700016", country_code: "in" },
  shipping_method: "Standard",
}
