package io.velocity;
class Placeholder {}
