export default function hoisted() { return 2; }
