/** The site's places, in the header's order: the wide header's nav and the phone menu list the same. */
export const SITE_LINKS = [
  { href: "/", label: "Browse" },
  { href: "/chat", label: "Chats" },
  { href: "/pricing", label: "Pricing" },
  { href: "/studio", label: "Studio" },
] as const;
