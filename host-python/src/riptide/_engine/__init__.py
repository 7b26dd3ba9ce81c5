"""The compiled RipTide component (`riptide.wasm`), shipped as package data."""
