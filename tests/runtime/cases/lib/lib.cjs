exports.helper = (x) => x * 2;
