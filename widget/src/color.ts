/** Relative luminance of a #rrggbb colour, as WCAG defines it. */
export const luminance = (hex: string): number =>
  [0.2126, 0.7152, 0.0722].reduce((sum, weight, i) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return sum + weight * (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  }, 0);

/**
 * Text colour for a button or bubble in the site's colour: white or ink, whichever contrasts more.
 * Above a luminance of 0.19 ink (#111111) gives the higher WCAG contrast ratio, below it white does.
 */
export const textOn = (background: string): string => (luminance(background) > 0.19 ? '#111111' : '#ffffff');
