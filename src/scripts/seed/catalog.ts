/**
 * The demo shop's catalog, as plain data. Prices are integer minor units
 * (paise, cents) so nothing here is a float; `toAmount` converts for Medusa.
 */
import { fromMinor } from "@indus/money"

export type Money = { inr: number; usd: number; eur: number }

export type ProductLine = {
  handle: string
  title: string
  subtitle: string
  description: string
  category: string // category handle
  collection: string // collection handle
  type: "Apparel" | "Accessories" | "Home"
  tags: string[]
  material: string
  sizes: string[] | null // null: one size
  colours: string[]
  price: Money
  hue: number // for the generated product image
}

export const CATEGORIES: { handle: string; name: string; parent?: string }[] = [
  { handle: "clothing", name: "Clothing" },
  { handle: "t-shirts", name: "T-Shirts", parent: "clothing" },
  { handle: "kurtas", name: "Kurtas", parent: "clothing" },
  { handle: "shirts", name: "Shirts", parent: "clothing" },
  { handle: "hoodies", name: "Hoodies & Sweatshirts", parent: "clothing" },
  { handle: "accessories", name: "Accessories" },
  { handle: "bags", name: "Bags", parent: "accessories" },
  { handle: "scarves", name: "Scarves & Stoles", parent: "accessories" },
  { handle: "home", name: "Home & Living" },
  { handle: "cushion-covers", name: "Cushion Covers", parent: "home" },
  { handle: "kitchen", name: "Kitchen & Dining", parent: "home" },
]

export const COLLECTIONS: { handle: string; title: string }[] = [
  { handle: "everyday-essentials", title: "Everyday Essentials" },
  { handle: "handloom-heritage", title: "Handloom Heritage" },
  { handle: "festive-edit", title: "Festive Edit" },
  { handle: "monsoon-edit", title: "Monsoon Edit" },
]

export const PRODUCT_TYPES = ["Apparel", "Accessories", "Home"] as const

const APPAREL_SIZES = ["S", "M", "L", "XL"]

type Spec = [
  handle: string,
  title: string,
  subtitle: string,
  category: string,
  collection: string,
  tags: string[],
  material: string,
  colours: string[],
  price: Money,
]

const tee = (h: string, t: string, sub: string, col: string, tags: string[], mat: string, colours: string[], price: Money): Spec =>
  [h, t, sub, "t-shirts", col, tags, mat, colours, price]

const APPAREL: Spec[] = [
  tee("organic-crew-tee", "Organic Cotton Crew Tee", "Soft, breathable, everyday", "everyday-essentials", ["organic", "cotton", "bestseller"], "100% organic cotton, 180 GSM", ["White", "Black", "Indigo"], { inr: 79900, usd: 2200, eur: 2000 }),
  tee("slub-v-neck-tee", "Slub Cotton V-Neck Tee", "Textured slub knit", "everyday-essentials", ["cotton", "summer"], "Slub cotton jersey", ["Sand", "Olive"], { inr: 89900, usd: 2400, eur: 2200 }),
  tee("block-print-tee", "Block Print Tee", "Hand block-printed in Jaipur", "handloom-heritage", ["handmade", "cotton", "print"], "Cotton, hand block print", ["Indigo", "Rust"], { inr: 119900, usd: 3200, eur: 2900 }),
  tee("pocket-henley", "Pocket Henley", "Three-button placket", "everyday-essentials", ["cotton"], "Cotton waffle knit", ["Charcoal", "Ecru"], { inr: 109900, usd: 2900, eur: 2700 }),
  tee("oversized-graphic-tee", "Oversized Monsoon Graphic Tee", "Dropped shoulders", "monsoon-edit", ["cotton", "graphic"], "Heavyweight cotton, 220 GSM", ["Black", "Sage"], { inr: 99900, usd: 2600, eur: 2400 }),
  tee("linen-blend-tee", "Linen Blend Tee", "Cool in the heat", "monsoon-edit", ["linen", "summer"], "55% linen, 45% cotton", ["Natural", "Sky Blue"], { inr: 129900, usd: 3400, eur: 3100 }),
  ["chikankari-kurta", "Chikankari Kurta", "Lucknowi hand embroidery", "kurtas", "festive-edit", ["handmade", "festive", "embroidery"], "Cotton mulmul with chikankari", ["White", "Powder Pink"], { inr: 249900, usd: 6900, eur: 6400 }],
  ["khadi-straight-kurta", "Khadi Straight Kurta", "Handspun, handwoven", "kurtas", "handloom-heritage", ["khadi", "handloom"], "Handspun khadi cotton", ["Natural", "Indigo"], { inr: 189900, usd: 5200, eur: 4800 }],
  ["silk-festive-kurta", "Silk Festive Kurta", "For Diwali evenings", "kurtas", "festive-edit", ["silk", "festive"], "Art silk with zari trim", ["Maroon", "Mustard", "Emerald"], { inr: 349900, usd: 9500, eur: 8900 }],
  ["ikat-short-kurta", "Ikat Short Kurta", "Pochampally ikat weave", "kurtas", "handloom-heritage", ["ikat", "handloom", "cotton"], "Handwoven ikat cotton", ["Blue", "Red"], { inr: 169900, usd: 4600, eur: 4300 }],
  ["cotton-pathani-kurta", "Cotton Pathani Kurta", "Structured collar, side pockets", "kurtas", "festive-edit", ["cotton", "festive"], "Cotton poplin", ["Ivory", "Navy"], { inr: 199900, usd: 5500, eur: 5100 }],
  ["oxford-shirt", "Oxford Button-Down Shirt", "A wardrobe staple", "shirts", "everyday-essentials", ["cotton", "office"], "Cotton oxford", ["White", "Light Blue"], { inr: 179900, usd: 4900, eur: 4500 }],
  ["linen-resort-shirt", "Linen Resort Shirt", "Camp collar, relaxed fit", "shirts", "monsoon-edit", ["linen", "summer"], "100% linen", ["Sage", "Natural", "Terracotta"], { inr: 229900, usd: 6200, eur: 5800 }],
  ["mandarin-collar-shirt", "Mandarin Collar Shirt", "Band collar, clean lines", "shirts", "festive-edit", ["cotton", "festive"], "Cotton dobby", ["Black", "Ivory"], { inr: 189900, usd: 5200, eur: 4800 }],
  ["madras-check-shirt", "Madras Check Shirt", "Woven in Chennai", "shirts", "handloom-heritage", ["handloom", "cotton", "check"], "Handloom madras cotton", ["Red Check", "Blue Check"], { inr: 159900, usd: 4400, eur: 4100 }],
  ["denim-overshirt", "Denim Overshirt", "Layer it through monsoon", "shirts", "monsoon-edit", ["denim"], "12 oz cotton denim", ["Indigo", "Washed Black"], { inr: 259900, usd: 7200, eur: 6700 }],
  ["fleece-hoodie", "Brushed Fleece Hoodie", "Warm, not bulky", "hoodies", "everyday-essentials", ["cotton", "winter", "bestseller"], "Brushed cotton fleece, 320 GSM", ["Grey Melange", "Black", "Forest"], { inr: 219900, usd: 5900, eur: 5500 }],
  ["zip-hoodie", "Zip-Through Hoodie", "Metal zip, kangaroo pockets", "hoodies", "everyday-essentials", ["cotton", "winter"], "Cotton fleece", ["Navy", "Grey Melange"], { inr: 249900, usd: 6800, eur: 6300 }],
  ["crewneck-sweatshirt", "Crewneck Sweatshirt", "Ribbed cuffs and hem", "hoodies", "everyday-essentials", ["cotton", "winter"], "Loopback cotton terry", ["Oatmeal", "Charcoal"], { inr: 179900, usd: 4900, eur: 4500 }],
  ["rain-shell-hoodie", "Packable Rain Shell", "Water-repellent, folds into its pocket", "hoodies", "monsoon-edit", ["monsoon", "outerwear"], "Recycled nylon, DWR finish", ["Yellow", "Olive", "Black"], { inr: 299900, usd: 7900, eur: 7400 }],
]

const ACCESSORIES: Spec[] = [
  ["jute-tote", "Jute Market Tote", "Strong enough for the sabzi mandi", "bags", "everyday-essentials", ["jute", "eco"], "Natural jute, cotton lining", ["Natural", "Natural/Indigo"], { inr: 69900, usd: 1900, eur: 1800 }],
  ["canvas-backpack", "Waxed Canvas Backpack", "Laptop sleeve fits 15 inch", "bags", "monsoon-edit", ["canvas", "monsoon"], "Waxed cotton canvas, leather trims", ["Olive", "Black", "Tan"], { inr: 349900, usd: 8900, eur: 8400 }],
  ["leather-sling", "Leather Sling Bag", "Vegetable-tanned in Kanpur", "bags", "everyday-essentials", ["leather"], "Vegetable-tanned leather", ["Tan", "Dark Brown"], { inr: 299900, usd: 7900, eur: 7400 }],
  ["embroidered-potli", "Embroidered Potli Bag", "For weddings and pujas", "bags", "festive-edit", ["festive", "embroidery"], "Silk with zardozi embroidery", ["Gold", "Magenta"], { inr: 89900, usd: 2500, eur: 2300 }],
  ["banarasi-stole", "Banarasi Silk Stole", "Woven in Varanasi", "scarves", "festive-edit", ["silk", "festive", "handloom"], "Banarasi silk", ["Red", "Teal", "Gold"], { inr: 229900, usd: 6200, eur: 5800 }],
  ["pashmina-shawl", "Pashmina Shawl", "Hand-spun Kashmiri pashmina", "scarves", "handloom-heritage", ["pashmina", "winter", "handloom"], "100% pashmina", ["Charcoal", "Camel", "Maroon"], { inr: 899900, usd: 24900, eur: 22900 }],
  ["cotton-dupatta", "Block Print Cotton Dupatta", "Light as air", "scarves", "handloom-heritage", ["cotton", "print"], "Cotton mulmul, hand block print", ["Indigo", "Rust", "Green"], { inr: 79900, usd: 2200, eur: 2000 }],
  ["wool-muffler", "Merino Wool Muffler", "Fine knit, no itch", "scarves", "everyday-essentials", ["wool", "winter"], "100% merino wool", ["Grey", "Navy", "Burgundy"], { inr: 149900, usd: 3900, eur: 3600 }],
  ["kalamkari-scarf", "Kalamkari Scarf", "Hand-painted pen kalamkari", "scarves", "handloom-heritage", ["handmade", "print"], "Cotton, natural dyes", ["Ochre", "Indigo"], { inr: 119900, usd: 3200, eur: 2900 }],
  ["rain-poncho", "Rain Poncho", "Hooded, fits over a backpack", "bags", "monsoon-edit", ["monsoon"], "Recycled polyester, PU coated", ["Yellow", "Navy"], { inr: 99900, usd: 2600, eur: 2400 }],
]

const HOME: Spec[] = [
  ["ajrakh-cushion-cover", "Ajrakh Cushion Cover", "Kutch block print, 16 x 16 in", "cushion-covers", "handloom-heritage", ["print", "handmade"], "Cotton, natural dyes", ["Indigo", "Madder Red"], { inr: 59900, usd: 1700, eur: 1600 }],
  ["kantha-cushion-cover", "Kantha Cushion Cover", "Running-stitch embroidery", "cushion-covers", "handloom-heritage", ["embroidery", "handmade"], "Vintage cotton saris, kantha stitch", ["Multicolour", "Blue Mix"], { inr: 69900, usd: 1900, eur: 1800 }],
  ["velvet-cushion-cover", "Velvet Festive Cushion Cover", "Gota patti border", "cushion-covers", "festive-edit", ["velvet", "festive"], "Cotton velvet", ["Emerald", "Maroon", "Mustard"], { inr: 89900, usd: 2400, eur: 2200 }],
  ["linen-cushion-cover", "Stonewashed Linen Cushion Cover", "Softens with every wash", "cushion-covers", "everyday-essentials", ["linen"], "100% linen", ["Natural", "Sage", "Charcoal"], { inr: 79900, usd: 2100, eur: 1900 }],
  ["dhurrie-cushion-cover", "Dhurrie Cushion Cover", "Flat-woven in Panipat", "cushion-covers", "handloom-heritage", ["handloom", "cotton"], "Handwoven cotton dhurrie", ["Blue Stripe", "Rust Stripe"], { inr: 64900, usd: 1800, eur: 1700 }],
  ["stoneware-mug", "Stoneware Chai Mug", "Holds 300 ml of cutting chai, twice", "kitchen", "everyday-essentials", ["ceramic", "bestseller"], "Glazed stoneware", ["Speckled White", "Indigo Glaze", "Rust Glaze"], { inr: 49900, usd: 1400, eur: 1300 }],
  ["brass-tumbler", "Brass Tumbler Set of 2", "Tinned inside, food safe", "kitchen", "festive-edit", ["brass", "festive"], "Brass, tin lining", ["Brass"], { inr: 129900, usd: 3500, eur: 3200 }],
  ["copper-bottle", "Hammered Copper Bottle", "1 litre, leak-proof", "kitchen", "everyday-essentials", ["copper"], "Pure copper", ["Copper"], { inr: 149900, usd: 3900, eur: 3600 }],
  ["cotton-table-runner", "Block Print Table Runner", "14 x 72 in", "kitchen", "festive-edit", ["print", "cotton", "festive"], "Cotton, hand block print", ["Indigo", "Saffron"], { inr: 89900, usd: 2400, eur: 2200 }],
  ["sheesham-serving-board", "Sheesham Serving Board", "Hand-carved Indian rosewood", "kitchen", "everyday-essentials", ["wood"], "Sheesham wood, food-safe oil", ["Natural"], { inr: 119900, usd: 3200, eur: 2900 }],
  ["terracotta-planter", "Terracotta Planter", "Drainage hole and saucer", "kitchen", "monsoon-edit", ["terracotta", "garden"], "Hand-thrown terracotta", ["Terracotta", "White Wash"], { inr: 79900, usd: 2100, eur: 1900 }],
  ["handloom-napkins", "Handloom Napkins Set of 4", "Soft waffle weave", "kitchen", "handloom-heritage", ["handloom", "cotton"], "Handwoven cotton", ["Ecru", "Indigo"], { inr: 69900, usd: 1900, eur: 1800 }],
]

const CATEGORY_TYPE: Record<string, ProductLine["type"]> = {
  "t-shirts": "Apparel", kurtas: "Apparel", shirts: "Apparel", hoodies: "Apparel",
  bags: "Accessories", scarves: "Accessories",
  "cushion-covers": "Home", kitchen: "Home",
}

export const PRODUCT_LINES: ProductLine[] = [...APPAREL, ...ACCESSORIES, ...HOME].map(
  ([handle, title, subtitle, category, collection, tags, material, colours, price], i) => {
    const type = CATEGORY_TYPE[category]
    return {
      handle, title, subtitle, category, collection, tags, material, colours, price, type,
      sizes: type === "Apparel" ? APPAREL_SIZES : null,
      description: `${title}. ${subtitle}. Made from ${material.toLowerCase()}.`,
      hue: (i * 47) % 360,
    }
  }
)

/** Shipping option prices are typed as numbers in Medusa: only whole units convert exactly. */
export function wholeUnits(minor: number, currency: string): number {
  const text = toAmount(minor, currency)
  if (!/^\d+(\.0*)?$/.test(text)) throw new Error(`expected whole units in minor units, got ${minor}`)
  return Number(text)
}

/** Integer minor units to the decimal string Medusa stores, e.g. 79900 INR -> "799.00". */
export function toAmount(minor: number, currency: string): string {
  if (!Number.isInteger(minor) || minor < 0) throw new Error(`price must be whole minor units, got ${minor}`)
  return fromMinor(minor, currency)
}

const XL_SURCHARGE: Money = { inr: 10000, usd: 300, eur: 300 }

/** The largest size costs a little more, as in real shops. */
export function variantPrice(line: ProductLine, size: string | null): Money {
  if (size !== "XL") return line.price
  return {
    inr: line.price.inr + XL_SURCHARGE.inr,
    usd: line.price.usd + XL_SURCHARGE.usd,
    eur: line.price.eur + XL_SURCHARGE.eur,
  }
}

export function skuFor(line: ProductLine, size: string | null, colour: string): string {
  const code = (s: string) => s.toUpperCase().replace(/[^A-Z0-9]+/g, "")
  return [line.handle.toUpperCase(), size, code(colour)].filter(Boolean).join("-")
}
