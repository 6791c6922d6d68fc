import type { PersonaSummary } from "@/lib/personas/summary";

type Props = {
  persona: Pick<PersonaSummary, "name" | "avatar" | "imageUrl">;
  /** Tailwind classes for the picture's box and the emoji's size. */
  size: { image: string; emoji: string };
  /** Announced as "<name> avatar" (the page's header); otherwise decorative. */
  labelled?: boolean;
};

/** A persona's picture when it has one, else its emoji. */
export function PersonaAvatar({ persona, size, labelled = false }: Props) {
  const label = `${persona.name} avatar`;
  if (persona.imageUrl) {
    return (
      // Served by the app's own route at its real size: nothing for the image optimizer to do.
      // eslint-disable-next-line @next/next/no-img-element
      <img
        src={persona.imageUrl}
        alt={labelled ? label : ""}
        className={`${size.image} shrink-0 rounded-xl object-cover`}
        data-testid="persona-image"
        loading="lazy"
      />
    );
  }
  return labelled ? (
    <span className={`${size.emoji} leading-none`} role="img" aria-label={label}>
      {persona.avatar}
    </span>
  ) : (
    <span className={`${size.emoji} leading-none`} aria-hidden="true">
      {persona.avatar}
    </span>
  );
}
