export const dup = 2;
export const two = 2;
