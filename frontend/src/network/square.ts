// Gremien are drawn as squares, organisations as discs, so the two kinds differ by shape and
// not by colour alone (WCAG 1.4.1). Sigma's point program with a fragment shader that fills
// the whole point instead of a disc; the canvas fallback draws the same square.

import { NodePointProgram } from 'sigma/rendering';

export { squareType } from './hubs';

// The point's square, with an antialiased edge as wide as the disc program's.
const squareShader = /* glsl */ `
precision mediump float;

varying vec4 v_color;
varying float v_border;

const vec4 transparent = vec4(0.0, 0.0, 0.0, 0.0);

void main(void) {
  vec2 m = abs(gl_PointCoord - vec2(0.5, 0.5));
  float dist = 0.5 - max(m.x, m.y);

  #ifdef PICKING_MODE
  if (dist > v_border)
    gl_FragColor = v_color;
  else
    gl_FragColor = transparent;
  #else
  float t = 0.0;
  if (dist > v_border)
    t = 1.0;
  else if (dist > 0.0)
    t = dist / v_border;
  gl_FragColor = mix(transparent, v_color, t);
  #endif
}
`;

export class NodeSquareProgram extends NodePointProgram {
  override getDefinition() {
    return { ...super.getDefinition(), FRAGMENT_SHADER_SOURCE: squareShader };
  }
}
