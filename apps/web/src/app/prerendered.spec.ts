import { disableControls } from './prerendered';

describe('disableControls', () => {
  it('disables every control until hydration, marked so that only these are enabled again', () => {
    expect(disableControls('<form><input type="email" value=""/><button type="submit" class="b">Anmelden</button></form>')).toBe(
      '<form><input disabled data-until-hydrated type="email" value=""/><button disabled data-until-hydrated type="submit" class="b">Anmelden</button></form>',
    );
    expect(disableControls('<textarea name="t"></textarea><select><option>a</option></select>')).toBe(
      '<textarea disabled data-until-hydrated name="t"></textarea><select disabled data-until-hydrated><option>a</option></select>',
    );
  });

  it('leaves controls that are disabled anyway, and other elements, as they are', () => {
    const html = '<button disabled="" data-disabled="true">x</button><input aria-disabled="true" disabled=""/><buttons><inputx>';
    expect(disableControls(html)).toBe(html);
    expect(disableControls('<button data-disabled="true">x</button>')).toBe('<button disabled data-until-hydrated data-disabled="true">x</button>');
  });
});
