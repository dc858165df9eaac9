await null;
throw new RangeError("rejected at top level");
