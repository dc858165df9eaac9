exports.helper = (x) => x * 21;
