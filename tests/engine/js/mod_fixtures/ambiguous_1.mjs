export const dup = 1;
export const one = 1;
